import { NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { formatWon } from './amount';
import { useChannels, useChannelWallets } from './wallet-queries';

export interface TransferTarget {
  mode: 'id' | 'channel';
  walletId: string;
  channelId: string;
}

export const EMPTY_TARGET: TransferTarget = { mode: 'id', walletId: '', channelId: '' };

/** Where money goes: a wallet id someone shared, or a group wallet of one of my channels (the API shows no one's personal wallet). */
export function TransferTargetPicker({ value, onChange, exclude }: { value: TransferTarget; onChange: (next: TransferTarget) => void; exclude: string }) {
  const modeLabel = useId();
  return (
    <Stack gap="xs">
      <div>
        <Text component="span" size="sm" fw={500} id={modeLabel}>
          Send to
        </Text>
        <SegmentedControl
          aria-labelledby={modeLabel}
          fullWidth
          value={value.mode}
          onChange={(mode) => onChange({ ...value, mode: mode as TransferTarget['mode'], walletId: '' })}
          data={[
            { value: 'id', label: 'A wallet id' },
            { value: 'channel', label: 'A channel wallet' },
          ]}
        />
      </div>
      {value.mode === 'id' ? (
        <TextInput
          label="To wallet id"
          description="The wallet id the receiver shared with you"
          required
          autoComplete="off"
          value={value.walletId}
          onChange={(event) => onChange({ ...value, walletId: event.currentTarget.value.trim() })}
        />
      ) : (
        <ChannelWalletChoice value={value} onChange={onChange} exclude={exclude} />
      )}
    </Stack>
  );
}

function ChannelWalletChoice({ value, onChange, exclude }: { value: TransferTarget; onChange: (next: TransferTarget) => void; exclude: string }) {
  const channels = useChannels();
  const wallets = useChannelWallets(value.channelId === '' ? null : value.channelId);
  const choices = (wallets.data ?? []).filter((wallet) => wallet.id !== exclude);
  return (
    <>
      <NativeSelect
        label="Channel"
        value={value.channelId}
        onChange={(event) => onChange({ ...value, channelId: event.currentTarget.value, walletId: '' })}
        data={[
          { value: '', label: channels.isLoading ? 'Loading channels…' : 'Choose a channel' },
          ...(channels.data ?? []).map((channel) => ({ value: channel.id, label: channel.name ?? 'Direct chat' })),
        ]}
      />
      <NativeSelect
        label="To wallet"
        disabled={value.channelId === ''}
        value={value.walletId}
        onChange={(event) => onChange({ ...value, walletId: event.currentTarget.value })}
        data={[
          { value: '', label: value.channelId !== '' && !wallets.isLoading && choices.length === 0 ? 'This channel has no group wallet' : 'Choose a wallet' },
          ...choices.map((wallet) => ({ value: wallet.id, label: `${wallet.name ?? 'Group wallet'} (${formatWon(wallet.balance)})` })),
        ]}
      />
    </>
  );
}
