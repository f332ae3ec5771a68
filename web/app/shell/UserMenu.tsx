import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconKey, IconLock, IconLogout } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession, useSessionState } from '../session';

// The form checks with the API's schema (TypeBox): loaded when the dialog is first opened.
const PasswordModal = lazy(() => import('../../auth/PasswordModal').then((m) => ({ default: m.PasswordModal })));

const ROLE_LABEL = { admin: 'Admin', manager: 'Manager', rep: 'Sales rep', marketing: 'Marketing', coach: 'Coach' } as const;

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join('');
}

export function UserMenu() {
  const { user, workspace } = useSession();
  const { signOut } = useSessionState();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <>
      {changingPassword && (
        <Suspense fallback={null}>
          <PasswordModal opened onClose={() => setChangingPassword(false)} />
        </Suspense>
      )}
      <Menu position="bottom-end" width={240} withinPortal>
        <Menu.Target>
          <UnstyledButton style={{ borderRadius: 8, padding: '4px 6px' }}>
            <Group gap={8} wrap="nowrap">
              <Avatar color="furrow" radius="xl" size={32} aria-hidden>
                {initials(user.name)}
              </Avatar>
              {/* On narrow screens the name is only hidden visually: the button keeps it as its name. */}
              <div style={{ lineHeight: 1.1 }} className="furrow-sr-narrow">
                <Text size="sm" fw={600}>
                  {user.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {ROLE_LABEL[user.role]} · {workspace.name}
                </Text>
              </div>
              <IconChevronDown size={14} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{user.email}</Menu.Label>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => navigate('/settings/api-tokens')}>
            API tokens
          </Menu.Item>
          <Menu.Item leftSection={<IconLock size={16} />} onClick={() => setChangingPassword(true)}>
            Change password
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconLogout size={16} />}
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await signOut();
              } finally {
                navigate('/login', { replace: true });
              }
            }}
          >
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );
}
