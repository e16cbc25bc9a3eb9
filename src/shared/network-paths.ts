// The app's screens that links from outside open (an invite mail, a join link): shared by the
// server, which writes the links, and the app's router, with no schema library attached.

/** The screen an advisor invite link opens; the token rides in the fragment (`#token=…`), which
 * browsers never send to a server. */
export const INVITE_PATH = '/radgiver/invitasjon';

/** The screen a join link opens (`/bli-med#NH-7K3P-Q2`). */
export const JOIN_PATH = '/bli-med';
