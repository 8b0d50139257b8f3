import { Button, Group, Stack, Title } from '@mantine/core';
import { NavLink, Route, Routes } from 'react-router-dom';
import { GroupWalletsPage } from './GroupWalletsPage';
import { GroupWalletView } from './GroupWalletView';
import { PersonalWalletView } from './PersonalWalletView';
import { ReservedTransfersPage } from './ReservedTransfersPage';

const SECTIONS = [
  { to: '/wallet', label: 'My wallet', end: true },
  { to: '/wallet/groups', label: 'Group wallets', end: false },
  { to: '/wallet/reserved', label: 'Reserved transfers', end: false },
];

/** The wallet area under /wallet/*: my wallet, group wallets of my channels, reserved transfers. */
export function WalletPage() {
  return (
    <Stack gap="md" maw={1100} w="100%">
      <Title order={1} size="h2">
        Wallet
      </Title>
      <Group component="nav" aria-label="Wallet sections" gap="xs">
        {SECTIONS.map((section) => (
          <NavLink key={section.to} to={section.to} end={section.end} style={{ textDecoration: 'none' }}>
            {({ isActive }) => (
              <Button component="span" size="sm" variant={isActive ? 'filled' : 'default'} aria-current={isActive ? 'page' : undefined}>
                {section.label}
              </Button>
            )}
          </NavLink>
        ))}
      </Group>
      <Routes>
        <Route index element={<PersonalWalletView />} />
        <Route path="groups" element={<GroupWalletsPage />} />
        <Route path="groups/:channelId" element={<GroupWalletsPage />} />
        <Route path="groups/:channelId/:walletId" element={<GroupWalletView />} />
        <Route path="reserved" element={<ReservedTransfersPage />} />
      </Routes>
    </Stack>
  );
}

export default WalletPage;
