import { Badge, type CSSVariablesResolver, createTheme, Drawer, type MantineColorsTuple, Modal, Notification } from '@mantine/core';

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
  components: {
    // Icon-only close buttons need a name for screen readers.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // A badge is a short label or figure: never narrower than its text (squeezed table columns cut
    // calibration gaps to "+…" and SLA clocks to "43 min le…").
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } }),
  },
});

// Text on "light" variants (badges, light buttons, alerts) uses these; Mantine's defaults for
// bright hues fall below 4.5:1 on their own tinted background.
const LIGHT_TEXT: Record<string, string> = {
  red: '#b02525',
  orange: '#a64b00',
  yellow: '#7a5200',
  blue: '#1862a8',
  green: '#24792f',
  teal: '#0b6b5b',
  gray: '#343a40',
  furrow: '#1d5035',
};

// White text on "filled" red, orange and blue (count badges, the notification dot, danger buttons):
// Mantine's shade 6 gives 3.3:1, 2.6:1 and 3.6:1; these darker fills keep white text above 4.5:1.
const FILLED: Record<string, [fill: string, hover: string]> = {
  red: ['#b02525', '#921d1d'],
  orange: ['#a64b00', '#8a3e00'],
  blue: ['#1862a8', '#134f88'],
};

/** Mantine's default dimmed grey is below 4.5:1 on white; secondary text must stay readable. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-placeholder': '#6b7280',
    '--mantine-color-error': '#c92a2a',
    ...Object.fromEntries(Object.entries(LIGHT_TEXT).map(([color, value]) => [`--mantine-color-${color}-light-color`, value])),
    ...Object.fromEntries(
      Object.entries(FILLED).flatMap(([color, [fill, hover]]) => [
        [`--mantine-color-${color}-filled`, fill],
        [`--mantine-color-${color}-filled-hover`, hover],
      ]),
    ),
  },
  dark: {},
});
