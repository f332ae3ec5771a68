import { AppShell, Burger, Button, Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { LoadingState } from '../../components/LoadingState';
import { NotificationBell } from '../../notifications/NotificationBell';
import { SearchPalette } from '../search/SearchPalette';
import { NavBar } from './NavBar';
import { UserMenu } from './UserMenu';

export function Logo() {
  return (
    <Group gap={8} wrap="nowrap">
      <img src="/favicon.svg" alt="" width={26} height={26} />
      <Text fw={750} size="lg" c="furrow.8">
        Furrow
      </Text>
    </Group>
  );
}

export function Shell() {
  const [navOpen, nav] = useDisclosure(false);
  const [searchOpen, search] = useDisclosure(false);
  // "/" types a slash in a text field, so it only opens search elsewhere; Ctrl-K works everywhere.
  useHotkeys([['/', () => search.open()]]);
  useHotkeys([['mod+K', () => search.open()]], []);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 232, breakpoint: 'md', collapsed: { mobile: !navOpen } }} padding="lg">
      {/* The first stop of the Tab key: past the header and the navigation, straight to the page. */}
      <a href="#main-content" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="md" size="sm" aria-label={navOpen ? 'Close navigation' : 'Open navigation'} />
            <UnstyledButton component={Link} to="/" aria-label="Furrow home">
              <Logo />
            </UnstyledButton>
          </Group>
          <Button
            variant="default"
            onClick={search.open}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={<Kbd size="xs">/</Kbd>}
            justify="space-between"
            style={{ flex: '0 1 380px' }}
            styles={{ label: { color: 'var(--mantine-color-dimmed)', fontWeight: 400 } }}
            aria-keyshortcuts="/ Control+K"
          >
            Search deals, accounts, contacts, leads…
          </Button>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        <NavBar onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <SearchPalette opened={searchOpen} onClose={search.close} />
    </AppShell>
  );
}
