// Norway's 15 counties (fylker) since 1 January 2024, with their numbers and official names (SSB's
// classification of counties; Finnmark, Troms, Nordland and Trøndelag have official Sami and Kven
// names too). A garden stores `name`; the admin command and the app accept a name, an official
// name or the number, in any letter case.

/** One county. */
export interface County {
  /** Two digits, e.g. `46`. */
  number: string;
  /** The Norwegian name, stored on a garden. */
  name: string;
  /** The name as the classification writes it, with the Sami and Kven names where official. */
  officialName: string;
}

/** The counties in number order. */
export const COUNTIES: readonly County[] = [
  { number: '03', name: 'Oslo', officialName: 'Oslo' },
  { number: '11', name: 'Rogaland', officialName: 'Rogaland' },
  { number: '15', name: 'Møre og Romsdal', officialName: 'Møre og Romsdal' },
  { number: '18', name: 'Nordland', officialName: 'Nordland – Nordlánnda' },
  { number: '31', name: 'Østfold', officialName: 'Østfold' },
  { number: '32', name: 'Akershus', officialName: 'Akershus' },
  { number: '33', name: 'Buskerud', officialName: 'Buskerud' },
  { number: '34', name: 'Innlandet', officialName: 'Innlandet' },
  { number: '39', name: 'Vestfold', officialName: 'Vestfold' },
  { number: '40', name: 'Telemark', officialName: 'Telemark' },
  { number: '42', name: 'Agder', officialName: 'Agder' },
  { number: '46', name: 'Vestland', officialName: 'Vestland' },
  { number: '50', name: 'Trøndelag', officialName: 'Trøndelag – Trööndelage' },
  { number: '55', name: 'Troms', officialName: 'Troms – Romsa – Tromssa' },
  { number: '56', name: 'Finnmark', officialName: 'Finnmark – Finnmárku – Finmarkku' },
];

/** The Norwegian names, as a tuple for a zod enum. */
export const COUNTY_NAMES = COUNTIES.map((county) => county.name) as [string, ...string[]];

const comparable = (text: string) => text.trim().toLocaleLowerCase('nb').replace(/\s+/g, ' ');

/** The county `input` names (name, official name or number, any case), or undefined. */
export function findCounty(input: string): County | undefined {
  const wanted = comparable(input);
  return COUNTIES.find(
    (county) =>
      county.number === wanted ||
      comparable(county.name) === wanted ||
      comparable(county.officialName) === wanted,
  );
}
