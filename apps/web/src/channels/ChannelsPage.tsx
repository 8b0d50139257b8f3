import { Text, Title } from '@mantine/core';

export function ChannelsPage() {
  return (
    <>
      <Title order={1} size="h2">Channels</Title>
      <Text c="dimmed">Your channels appear here.</Text>
    </>
  );
}
