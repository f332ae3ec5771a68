// Word lists for the demo's people, companies and activity texts. Fictional on purpose: domains use
// the reserved .example TLD and phone numbers the 555 range.

const words = (text: string): readonly string[] => text.split('|');

export const FIRST_NAMES: readonly string[] = words(
  'Anna|Ben|Carla|Daniel|Elif|Finn|Greta|Hannes|Ida|Jan|Katja|Leon|Mara|Nils|Olga|Paul|Rosa|Stefan|Tara|Uwe|Vera|Wim|Yara|Zoe|Amir|Bianca|Chloé|Dirk|Eva|Fatima|Gianni|Helena|Isak|Johanna|Kai|Lucia|Milan|Nadia|Oskar|Pia|Quentin|Rahel|Sven|Tessa|Ulrike|Viktor|Wiebke|Xenia|Yusuf|Zara|Arne|Britta|Cem|Dana|Emil|Frieda|Gustav|Hanna|Igor|Jonas|Karin|Lars|Mia|Noah|Olivia|Pekka|Ronja|Sami|Thea|Matteo|Lea|Henrik|Sara|Tobias|Elena|Marco|Inga|Rafael',
);

export const LAST_NAMES: readonly string[] = words(
  'Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Koch|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Braun|Zimmermann|Krüger|Hartmann|Lange|Werner|Krause|Lehmann|Köhler|Maier|Huber|Kaiser|Fuchs|Peters|Jung|Möller|Vogel|Friedrich|Günther|Berger|Roth|Beck|Lorenz|Janssen|de Vries|van Dijk|Bakker|Visser|Dubois|Martin|Bernard|Laurent|Lefèvre|Rossi|Bianchi|Ferrari|Romano|García|López|Martínez|Nowak|Kowalczyk|Wiśniewska|Andersson|Johansson|Nielsen|Hansen|Larsen|Virtanen|Korhonen|Murphy|Kelly|Walsh|Smith|Jones|Taylor|Brown|Yılmaz|Kaya|Horvat|Novák',
);

export const COMPANY_PREFIXES: readonly string[] = words(
  'Nordwind|Alpen|Hansa|Blue Peak|Silverline|Rheinland|Elbe|Baltic|Greenfield|Ironbridge|Lumen|Kestrel|Oakridge|Polaris|Quantum|Redwood|Sonnen|Tidewater|Vantage|Westhafen|Zenith|Brightwater|Copperleaf|Donau|Everest|Falkner|Granit|Helios|Isar|Juniper|Kranich|Lindgren|Meridian|Neckar|Orbis|Pioneer|Ruhr|Saale|Taunus|Ulmen|Vireo|Weser|Auric|Bergmann|Cirrus|Delta|Ember|Fjord|Glacier|Harbor',
);

export const COMPANY_CORES: readonly string[] = words(
  'Logistik|Analytics|Maschinenbau|Software|Energy|Foods|Pharma|Systems|Robotics|Textil|Medical|Bau|Finance|Mobility|Retail|Chemie|Telecom|Insurance|Print|Optics|Solar|Freight|Labs|Hotels|Media|Components|Verpackung|Automation|Health|Consulting|Water|Aerospace|Glas|Metall|Learning|Security',
);

export const INDUSTRY_OF_CORE: Record<string, string> = {
  Logistik: 'Logistics',
  Freight: 'Logistics',
  Mobility: 'Logistics',
  Analytics: 'Software',
  Software: 'Software',
  Systems: 'Software',
  Security: 'Software',
  Learning: 'Education',
  Maschinenbau: 'Manufacturing',
  Robotics: 'Manufacturing',
  Automation: 'Manufacturing',
  Components: 'Manufacturing',
  Metall: 'Manufacturing',
  Glas: 'Manufacturing',
  Textil: 'Manufacturing',
  Verpackung: 'Manufacturing',
  Print: 'Manufacturing',
  Optics: 'Manufacturing',
  Aerospace: 'Manufacturing',
  Energy: 'Energy',
  Solar: 'Energy',
  Water: 'Utilities',
  Foods: 'Food & Beverage',
  Hotels: 'Hospitality',
  Retail: 'Retail',
  Pharma: 'Life Sciences',
  Medical: 'Healthcare',
  Health: 'Healthcare',
  Labs: 'Life Sciences',
  Chemie: 'Chemicals',
  Bau: 'Construction',
  Finance: 'Financial Services',
  Insurance: 'Financial Services',
  Telecom: 'Telecommunications',
  Media: 'Media',
  Consulting: 'Professional Services',
};

export const COUNTRIES: readonly (readonly [country: string, legalForm: string, weight: number])[] = [
  ['Germany', 'GmbH', 40],
  ['Austria', 'GmbH', 8],
  ['Switzerland', 'AG', 8],
  ['Netherlands', 'B.V.', 9],
  ['France', 'SAS', 8],
  ['United Kingdom', 'Ltd', 8],
  ['Sweden', 'AB', 5],
  ['Denmark', 'A/S', 4],
  ['Poland', 'Sp. z o.o.', 4],
  ['Spain', 'S.L.', 3],
  ['Italy', 'S.r.l.', 3],
];

export const TITLES: readonly (readonly [string, number])[] = [
  ['Chief Revenue Officer', 3],
  ['VP Sales', 6],
  ['Head of Sales', 8],
  ['Sales Operations Manager', 8],
  ['Revenue Operations Lead', 5],
  ['Chief Financial Officer', 3],
  ['Head of Procurement', 4],
  ['IT Director', 4],
  ['Head of Marketing', 4],
  ['Sales Enablement Manager', 5],
  ['Regional Sales Director', 5],
  ['Managing Director', 3],
  ['Team Lead Inside Sales', 4],
];

/** What a deal is about, by the account's stage of relationship. */
export const OFFERINGS = [
  'Platform rollout',
  'Pilot',
  'Team licences',
  'Sales coaching programme',
  'Forecasting add-on',
  'Expansion',
  'Enterprise agreement',
  'Onboarding package',
  'Lead management',
  'Regional rollout',
] as const;

export const OVERRIDE_REASONS = [
  'Customer asked to move fast; discovery done on the phone',
  'Economic buyer agreed verbally, paperwork follows',
  'Existing customer: criteria covered by the last deal',
  'Partner ran the discovery with the client',
  'End of quarter, approved by my manager',
  'Champion confirmed the budget by email',
  'Buyer skipped the demo, they know the product',
  'Procurement deadline forces the timeline',
] as const;

export const CALL_TOPICS: Record<number, readonly string[]> = {
  1: ['intro', 'qualification', 'first contact', 'budget check'],
  2: ['pain points', 'stakeholders', 'current process', 'decision process'],
  3: ['requirements', 'technical questions', 'integration questions', 'success criteria'],
  4: ['proposal walkthrough', 'pricing questions', 'references', 'timeline'],
  5: ['terms', 'legal review', 'signature timeline', 'discount request'],
};

export const EMAIL_SUBJECTS: Record<number, readonly string[]> = {
  1: ['Intro and next steps', 'Case study as promised', 'Quick question about your sales process'],
  2: ['Recap of our discovery call', 'Agenda for our meeting', 'Who else should join?'],
  3: ['Demo recording and slides', 'Answers to the IT questions', 'Value summary draft'],
  4: ['Proposal draft for review', 'Updated pricing', 'Reference call contacts'],
  5: ['Redlines on the contract', 'Order form for signature', 'Close plan update'],
};

export const TASK_SUBJECTS = [
  'Send recap',
  'Prepare proposal',
  'Check references',
  'Update close plan',
  'Book follow-up meeting',
  'Ask for intro to the economic buyer',
  'Prepare demo environment',
] as const;

export const NOTE_SUBJECTS = ['Notes from call', 'Org chart notes', 'Competitor mentioned', 'Budget cycle notes', 'Internal sync'] as const;

export const PROSPECTING_SUBJECTS = [
  'Prospecting call',
  'Cold email: sales process benchmark',
  'LinkedIn follow-up',
  'Check-in with existing contact',
  'Event follow-up',
] as const;
