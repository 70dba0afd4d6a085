/**
 * GDELT event files have no header: the columns are known by position. GDELT 2.0 has 61 columns;
 * GDELT 1.0 has 58 (no ADM2 codes). Field names from the GDELT 2.0 Event Codebook.
 */
const ACTOR = ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code']
const geo = (prefix: string, withAdm2: boolean) => [
  `${prefix}_Type`, `${prefix}_FullName`, `${prefix}_CountryCode`, `${prefix}_ADM1Code`,
  ...(withAdm2 ? [`${prefix}_ADM2Code`] : []),
  `${prefix}_Lat`, `${prefix}_Long`, `${prefix}_FeatureID`,
]

function columns(withAdm2: boolean): string[] {
  return [
    'GlobalEventID', 'Day', 'MonthYear', 'Year', 'FractionDate',
    ...ACTOR.map((c) => `Actor1${c}`),
    ...ACTOR.map((c) => `Actor2${c}`),
    'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
    'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
    ...geo('Actor1Geo', withAdm2), ...geo('Actor2Geo', withAdm2), ...geo('ActionGeo', withAdm2),
    'DATEADDED', 'SOURCEURL',
  ]
}

export const GDELT2_COLUMNS = columns(true)
export const GDELT1_COLUMNS = columns(false)

/** CAMEO root event codes (01–20), in words for event titles. */
export const CAMEO_ROOTS: Readonly<Record<string, string>> = Object.freeze(Object.assign(Object.create(null), {
  '01': 'makes a public statement', '02': 'appeals to', '03': 'expresses intent to cooperate with',
  '04': 'consults', '05': 'engages in diplomatic cooperation with', '06': 'engages in material cooperation with',
  '07': 'provides aid to', '08': 'yields to', '09': 'investigates', '10': 'demands of',
  '11': 'disapproves of', '12': 'rejects', '13': 'threatens', '14': 'protests against',
  '15': 'exhibits force posture toward', '16': 'reduces relations with', '17': 'coerces',
  '18': 'assaults', '19': 'fights', '20': 'uses unconventional mass violence against',
}))
