import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useSignedInUser, useAuth } from '../auth/AuthContext';
import { ConnectionBanner } from '../realtime/ConnectionBanner';
import { LiveUpdates } from '../realtime/LiveUpdates';
import { RealtimeProvider } from '../realtime/RealtimeContext';

const SECTIONS = [
  { to: '/', label: 'Channels', match: (path: string) => path === '/' || path.startsWith('/channels') },
  { to: '/contacts', label: 'Contacts', match: (path: string) => path.startsWith('/contacts') },
  { to: '/wallet', label: 'Wallet', match: (path: string) => path.startsWith('/wallet') },
];

/** The signed-in frame: header with the user and Log out, the sections, and the page. */
export function AppLayout() {
  const user = useSignedInUser();
  const { logOut } = useAuth();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <RealtimeProvider>
      <LiveUpdates />
      <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
              <Title order={2} size="h4">WebChat</Title>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" truncate maw={140} title={`Signed in as ${user.username}`}>{user.username}</Text>
              <Button variant="default" size="xs" onClick={() => void logOut()}>
                Log out
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label="Sections">
          {SECTIONS.map((section) => (
            <NavLink
              key={section.to}
              component={Link}
              to={section.to}
              label={section.label}
              active={section.match(pathname)}
              aria-current={section.match(pathname) ? 'page' : undefined}
              onClick={close}
            />
          ))}
        </AppShell.Navbar>
        <AppShell.Main>
          <ConnectionBanner />
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </RealtimeProvider>
  );
}
