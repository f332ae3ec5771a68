import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

// A deep field green: white text on shade 6 keeps a contrast above 5:1.
const furrow: MantineColorsTuple = ['#edf7f1', '#d6ecdf', '#aad6bd', '#7cbf98', '#55ab79', '#3d9865', '#2f7a52', '#266644', '#1d5035', '#133724'];

export const theme = createTheme({
  primaryColor: 'furrow',
  primaryShade: 6,
  colors: { furrow },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  focusRing: 'auto',
  cursorType: 'pointer',
});

/** Mantine's default dimmed grey is below 4.5:1 on white; secondary text must stay readable. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a', '--mantine-color-placeholder': '#6b7280' },
  dark: {},
});
