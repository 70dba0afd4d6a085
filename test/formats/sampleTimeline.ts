/** A small but full timeline (every field in use) for round-trip and merge tests. */
import type { TimelineDocument } from '../../main/domain/timeline'

export function sampleTimeline(): TimelineDocument {
  return {
    schemaVersion: 1,
    meta: { title: 'Russia–West crisis 2021–22', description: 'Background and build-up', created: '2022-01-01T09:00:00.000Z', updated: '2022-03-01T09:00:00.000Z' },
    lanes: [
      { id: 'lane-russia', name: 'Russia', hidden: false },
      { id: 'lane-us', name: 'United States', hidden: false },
      { id: 'lane-kz', name: 'Kazakhstan & CSTO', hidden: false },
    ],
    events: [
      {
        id: 'ev-belovezha',
        title: 'Belovezha Accords',
        date: '1991-12-08',
        description: 'Russia, Ukraine, Belarus leaders sign at Viskuli.\nThe USSR "ceases to exist".',
        lanes: ['lane-russia'],
        tags: ['USSR', 'treaty'],
        location: { name: 'Viskuli, Belarus', latitude: 52.63, longitude: 23.85 },
        sources: [
          { id: 'src-1', title: 'Agreement text', publisher: 'UN Treaty Series', url: 'https://treaties.un.org/', date: '1991-12-08', grade: 'A1' },
          { id: 'src-2', title: 'Contemporary report', publisher: '', url: '', grade: 'B2' },
        ],
      },
      {
        id: 'ev-geneva',
        title: 'US–Russia Strategic Stability Dialogue, Geneva',
        date: '2022-01-10',
        description: '=SUM(A1:A9) is how a spreadsheet attack starts; kept as text.',
        lanes: ['lane-us', 'lane-russia'],
        tags: ['talks'],
        sources: [{ id: 'src-3', title: 'Travel notice', publisher: 'state.gov', url: 'https://www.state.gov/', grade: 'A2' }],
      },
      { id: 'ev-csto', title: 'CSTO deployment to Kazakhstan', date: '2022-01-06/2022-01-19', description: '', lanes: ['lane-kz'], tags: [], sources: [] },
      { id: 'ev-rahmon', title: 'Putin – Rahmon phone call', date: '[2022-01-06,2022-01-07]', description: 'Warning on Islamic State on the Afghan–Tajik border', lanes: [], tags: ['phone call'], sources: [] },
      { id: 'ev-rurik', title: 'Rurik at Novgorod', date: '0862~', description: '', lanes: ['lane-russia'], tags: [], sources: [] },
      { id: 'ev-ides', title: 'Ides of March', date: '-0043-03-15', description: '+1 for history', lanes: [], tags: [], sources: [] },
      { id: 'ev-summit', title: 'Biden–Putin video summit', date: '2021-12-07T15:07:00', description: '', lanes: ['lane-us'], tags: [], sources: [] },
    ],
    annotations: [
      {
        id: 'an-buildup',
        anchor: { kind: 'span', date: '2021-11-10/2022-02-24' },
        label: 'Build-up',
        text: 'Ukraine cites ~92,000 troops, 28 Nov 2021',
        tags: [],
        colour: 'red',
        judgement: { likelihood: 'likely', confidence: 'moderate' },
        links: { events: [], sources: [] },
        author: { name: 'A. Analyst', initials: 'AA' },
        created: '2022-01-05T10:00:00.000Z',
        updated: '2022-02-01T10:00:00.000Z',
        history: [
          {
            anchor: { kind: 'span', date: '2021-11-10/2022-02-24' },
            label: 'Build-up',
            text: 'Troops massing',
            tags: [],
            colour: 'amber',
            links: { events: [], sources: [] },
            author: { name: 'A. Analyst', initials: 'AA' },
            updated: '2022-01-05T10:00:00.000Z',
          },
        ],
      },
      {
        id: 'an-geneva',
        anchor: { kind: 'event', eventId: 'ev-geneva' },
        label: '',
        text: 'No breakthrough expected',
        tags: ['judgement'],
        colour: 'blue',
        links: { events: ['ev-geneva'], sources: [] },
        author: { name: 'B. Analyst', initials: 'BA' },
        created: '2022-01-09T10:00:00.000Z',
        updated: '2022-01-09T10:00:00.000Z',
        history: [],
      },
    ],
  }
}

export function emptyTimeline(): TimelineDocument {
  return { schemaVersion: 1, meta: { title: 'Empty', description: '', created: '2022-01-01T00:00:00.000Z', updated: '2022-01-01T00:00:00.000Z' }, lanes: [], events: [], annotations: [] }
}
