// Names people give things (teams, pipelines) are unique per workspace as they are stored. "Café"
// typed with a combining accent and with the precomposed é are one name, so a name is stored in
// NFC without surrounding spaces, and two names are the same when those stored forms match in any case.

/** The form a name is stored in. */
export const storedName = (name: string): string => name.normalize('NFC').trim();

/** What two names are compared by. */
export const nameKey = (name: string): string => storedName(name).toLowerCase();
