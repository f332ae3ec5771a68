// The coaching focus batch's limit, in a file without TypeBox: the web app reads it at run time, and
// importing it from coaching-focus.ts would put TypeBox in the first page's JavaScript.
export const MAX_FOCUS_BATCH = 50;
