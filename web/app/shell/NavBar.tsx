import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { navFor } from '../nav';
import { useSession } from '../session';
import { NavIconOf } from './nav-icons';

export function NavBar({ onNavigate }: { onNavigate(): void }) {
  const { user } = useSession();
  const { pathname } = useLocation();
  return (
    <ScrollArea type="auto" component="nav" aria-label="Main">
      <Stack gap="lg" p="sm">
        {navFor(user.role).map((section) => (
          <Stack gap={2} key={section.label ?? 'main'}>
            {section.label && (
              <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pb={4}>
                {section.label}
              </Text>
            )}
            {section.items.map((item) => {
              const active = item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.match ?? item.to}/`);
              return (
                <NavLink
                  key={item.to}
                  component={RouterLink}
                  to={item.to}
                  label={item.label}
                  leftSection={<NavIconOf icon={item.icon} />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={onNavigate}
                  variant="light"
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              );
            })}
          </Stack>
        ))}
      </Stack>
    </ScrollArea>
  );
}
