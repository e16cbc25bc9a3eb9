// Hands a file made on the device to the browser as a download: the data exports, the advisor's
// CSV files and the study plan's calendar file. A module of its own, so a screen that saves a
// file does not load another screen's components with it.

/** Hand a Blob to the browser as a download (an object URL on a temporary <a download>). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or some browsers save an empty file.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
