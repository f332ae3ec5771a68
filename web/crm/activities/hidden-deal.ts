/** What an activity shows for a linked deal its reader may not read (the API sends its id without a name). */
export const HIDDEN_DEAL = 'A deal you cannot see';
