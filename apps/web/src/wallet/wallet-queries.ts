import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { statusOf } from './wallet-errors';
import { useWalletApi } from './wallet-http';

/** Every wallet query key starts with 'wallet', so one invalidation refreshes balances, ledgers and lists after a move. */
export const walletKeys = {
  all: ['wallet'] as const,
  mine: ['wallet', 'me'] as const,
  entries: (walletId: string) => ['wallet', walletId, 'entries'] as const,
  participants: (walletId: string) => ['wallet', walletId, 'participants'] as const,
  channelWallets: (channelId: string) => ['wallet', 'channel', channelId, 'wallets'] as const,
  channelMembers: (channelId: string) => ['wallet', 'channel', channelId, 'members'] as const,
  channels: ['wallet', 'channels'] as const,
  reserved: ['wallet', 'reserved'] as const,
};

/** No live event tells of money moves: balances, ledgers and wallet lists refetch whenever a page shows them. */
const MONEY = { staleTime: 0 } as const;

/** My personal wallet, or null while I have none (the API answers 404 then). */
export function useMyWallet() {
  const api = useWalletApi();
  return useQuery({
    queryKey: walletKeys.mine,
    ...MONEY,
    queryFn: async () => {
      try {
        return await api.myWallet();
      } catch (error) {
        if (statusOf(error) === 404) return null;
        throw error;
      }
    },
  });
}

/** The ledger, newest first, one page of ENTRIES_PAGE_SIZE per fetch, older pages by the API's cursor. */
export function useEntries(walletId: string) {
  const api = useWalletApi();
  return useInfiniteQuery({
    queryKey: walletKeys.entries(walletId),
    ...MONEY,
    queryFn: ({ pageParam }) => api.entries(walletId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useChannels() {
  const api = useWalletApi();
  return useQuery({ queryKey: walletKeys.channels, queryFn: api.myChannels });
}

export function useChannelWallets(channelId: string | null) {
  const api = useWalletApi();
  return useQuery({
    queryKey: walletKeys.channelWallets(channelId ?? ''),
    ...MONEY,
    queryFn: () => api.channelWallets(channelId!),
    enabled: channelId !== null,
  });
}

export function useChannelMembers(channelId: string) {
  const api = useWalletApi();
  return useQuery({ queryKey: walletKeys.channelMembers(channelId), queryFn: () => api.channelMembers(channelId) });
}

/** Participants of a wallet, or null when I take no part in it (the API answers 404 to outsiders). */
export function useParticipants(walletId: string) {
  const api = useWalletApi();
  return useQuery({
    queryKey: walletKeys.participants(walletId),
    ...MONEY,
    queryFn: async () => {
      try {
        return await api.participants(walletId);
      } catch (error) {
        if (statusOf(error) === 404) return null;
        throw error;
      }
    },
  });
}

export function useReservedTransfers() {
  const api = useWalletApi();
  return useQuery({ queryKey: walletKeys.reserved, queryFn: api.reservedTransfers, ...MONEY });
}

/** After money moved: balances, ledgers and wallet lists are stale. */
export function useRefreshWallets() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: walletKeys.all }), [queryClient]);
}
