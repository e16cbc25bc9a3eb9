// The garden's CSV file, byte by byte (issue 14: what Norwegian Excel opens by default): a UTF-8
// byte order mark, semicolons, CRLF, quoting of names holding ; or ", æøå intact, formula-like
// names neutralised; and the table's sorting in Norwegian alphabetical order.
import { describe, expect, it } from 'vitest';
import { csvBlob, csvFileName, csvText, csvTime } from '../../src/app/advisor/csv';
import { DEFAULT_CHOICES, rowOf, tableRows } from '../../src/app/advisor/garden-table';
import { learner } from '../utils/advisor-network';

const labels = {
  name: 'Navn',
  firm: 'Bedrift',
  orgNumber: 'Organisasjonsnummer',
  started: 'Kurs påbegynt',
  completed: 'Kurs fullført',
  minutes: 'Minutter',
  lastActivity: 'Siste aktivitet',
  lastSync: 'Siste synkronisering',
  followUp: 'Trenger oppfølging',
  yes: 'Ja',
  no: 'Nei',
};

const at = new Date(2026, 11, 2, 14, 2).getTime();

describe('the CSV file', () => {
  it('is UTF-8 with a BOM, semicolons and CRLF; quotes ; and " ; keeps æøå; defuses formulas', async () => {
    const rows = [
      learner({
        displayName: 'Blåbær; Øyvind',
        firm: { id: 'f', name: 'Ærlig "Mat" AS', orgNumber: '974760673' },
        lastActivityAt: at,
        lastSyncAt: null,
        needsFollowUp: true,
      }),
      learner({
        displayName: '=HYPERLINK("x")',
        firm: null,
        lastActivityAt: null,
        lastSyncAt: null,
      }),
    ].map(rowOf);
    const bytes = new Uint8Array(await (await csvBlob(rows, labels)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3));
    expect(text.split('\r\n')).toEqual([
      'Navn;Bedrift;Organisasjonsnummer;Kurs påbegynt;Kurs fullført;Minutter;Siste aktivitet;Siste synkronisering;Trenger oppfølging',
      '"Blåbær; Øyvind";"Ærlig ""Mat"" AS";974760673;1;0;12;2026-12-02 14:02;;Ja',
      `"'=HYPERLINK(""x"")";;;1;0;12;;;Nei`,
    ]);
    // æ, ø, å as two UTF-8 bytes each (not Windows-1252's one).
    const aring = [...new TextEncoder().encode('å')];
    expect(aring).toEqual([0xc3, 0xa5]);
    expect(bytes.join(',')).toContain(aring.join(','));
  });

  it('has a file name from the garden and the day, and local times Excel reads', () => {
    expect(csvFileName('Nordhagen næringshage', at)).toBe(
      'lommekurs-nordhagen-naeringshage-2026-12-02.csv',
    );
    expect(csvFileName('Ørsta/Volda', at)).toBe('lommekurs-orsta-volda-2026-12-02.csv');
    expect(csvFileName('!!!', at)).toBe('lommekurs-hage-2026-12-02.csv');
    expect(csvTime(at)).toBe('2026-12-02 14:02');
    expect(csvTime(null)).toBe('');
  });

  it('lists the rows it is given, in their order (the table as shown)', async () => {
    const learners = ['Åse', 'Zoe', 'Øyvind', 'Ærle', 'anne'].map((displayName) =>
      learner({ displayName }),
    );
    const rows = tableRows(learners, DEFAULT_CHOICES, 'nb-NO');
    expect(rows.map((r) => r.learner.displayName)).toEqual([
      'anne',
      'Zoe',
      'Ærle',
      'Øyvind',
      'Åse',
    ]);
    const lines = (await csvText(rows, labels)).split('\r\n').slice(1);
    expect(lines.map((line) => line.split(';')[0])).toEqual([
      'anne',
      'Zoe',
      'Ærle',
      'Øyvind',
      'Åse',
    ]);
  });
});
