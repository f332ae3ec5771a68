// Escapes text for HTML (email bodies and the unsubscribe pages). Pure.
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
