import { Box, Group, Text } from '@mantine/core';

/** A green or grey dot with its meaning in words, so it does not rest on colour alone. */
export function OnlineDot({ online, name, showText = true }: { online: boolean; name: string; showText?: boolean }) {
  const label = `${name} is ${online ? 'online' : 'offline'}`;
  return (
    <Group gap={4} wrap="nowrap" role="status" aria-label={label} data-testid="presence" data-online={online}>
      <Box w={10} h={10} bg={online ? 'green.6' : 'gray.5'} style={{ borderRadius: '50%' }} aria-hidden />
      {showText && <Text size="xs" c="dimmed" aria-hidden>{online ? 'online' : 'offline'}</Text>}
    </Group>
  );
}
