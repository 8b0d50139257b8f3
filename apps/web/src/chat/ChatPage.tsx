import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Alert, Anchor, Button, Group, Loader, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../api/error-text';
import type { Message } from '../api/types';
import { useSignedInUser } from '../auth/AuthContext';
import { channelKeys, channelTitle, useChannel, useMembers } from '../channels/channel-queries';
import { useRealtime, useSocketEvent } from '../realtime/RealtimeContext';
import classes from './Chat.module.css';
import { newClientMsgId } from './client-msg-id';
import { Composer } from './Composer';
import { DeleteMessageModal } from './DeleteMessageModal';
import { InviteModal } from './InviteModal';
import { lastSeq, snippetOf } from './message-list';
import { MessageActions, MessageBubble } from './MessageBubble';
import { OnlineDot } from './OnlineDot';
import { TypingLine } from './TypingLine';
import { useChannelMessages } from './use-channel-messages';

/** Near enough to the bottom to follow new messages. */
const FOLLOW_PX = 80;

export function ChatPage() {
  const { channelId = '' } = useParams();
  return <ChatView key={channelId} channelId={channelId} />;
}

function ChatView({ channelId }: { channelId: string }) {
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const { socket, state } = useRealtime();
  const channel = useChannel(channelId);
  const members = useMembers(channelId);
  const history = useChannelMessages(channelId);
  const [pending, setPending] = useState<Message[]>([]);
  const [sendError, setSendError] = useState<string | null>(null);
  const [inviting, invite] = useDisclosure(false);
  const [replyingToId, setReplyingToId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Message | null>(null);
  const log = useRef<HTMLDivElement>(null);
  const follow = useRef(true);
  const heightBeforeOlder = useRef<number | null>(null);
  const markedRead = useRef(0);

  const other = channel.data?.kind === 'DIRECT' ? members.data?.find((member) => member.id !== me.id) : undefined;
  const title = channel.data ? channelTitle(channel.data, members.data, me.id) : '';
  const iOwnIt = channel.data?.kind === 'GROUP' && channel.data.ownerId === me.id;
  // The loaded copy, so the bar shows an edit; a message deleted meanwhile takes no reply.
  const replyingTo = history.messages.find((message) => message.id === replyingToId && !message.deletedAt) ?? null;

  // A join, leave or invite notice changes who is here.
  useSocketEvent('message:new', (message: Message) => {
    if (message.channelId === channelId && message.type === 'SYSTEM') void queryClient.invalidateQueries({ queryKey: channelKeys.members(channelId) });
  });

  // Read up to the newest message while this chat is on screen (and again when the tab comes back).
  const markRead = useCallback(() => {
    const seq = lastSeq(history.messages);
    if (!socket?.connected || seq <= markedRead.current || document.visibilityState !== 'visible') return;
    markedRead.current = seq;
    socket.emit('message:read', { channelId, seq }, (ack) => {
      if (!ack.ok) markedRead.current = 0;
    });
  }, [socket, channelId, history.messages]);
  useEffect(markRead, [markRead, state]);
  useEffect(() => {
    document.addEventListener('visibilitychange', markRead);
    return () => document.removeEventListener('visibilitychange', markRead);
  }, [markRead]);

  // Keep the view at the bottom while following, and in place when older messages come in above.
  useLayoutEffect(() => {
    const element = log.current;
    if (!element) return;
    if (heightBeforeOlder.current !== null) {
      element.scrollTop += element.scrollHeight - heightBeforeOlder.current;
      heightBeforeOlder.current = null;
    } else if (follow.current) {
      element.scrollTop = element.scrollHeight;
    }
  }, [history.messages, pending]);

  const loadOlder = useCallback(() => {
    if (!history.hasOlder || history.loadingOlder || !log.current) return;
    heightBeforeOlder.current = log.current.scrollHeight;
    void history.loadOlder();
  }, [history]);

  function onScroll() {
    const element = log.current;
    if (!element) return;
    follow.current = element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOW_PX;
    if (element.scrollTop < 40) loadOlder();
  }

  async function send(text: string): Promise<boolean> {
    if (!socket) return false;
    setSendError(null);
    follow.current = true;
    const quoted = replyingTo;
    const replyTo = quoted && { id: quoted.id, seq: quoted.seq, senderName: quoted.senderName, snippet: snippetOf(quoted.text) };
    const draft: Message = { id: `pending-${newClientMsgId()}`, channelId, seq: Number.MAX_SAFE_INTEGER - pending.length, type: 'TEXT', senderId: me.id, senderName: me.username, text, clientMsgId: newClientMsgId(), replyTo, createdAt: new Date().toISOString() };
    setPending((current) => [...current, draft]);
    setReplyingToId(null);
    // socket.io keeps the send while disconnected and delivers it on reconnection; clientMsgId makes a repeat harmless.
    const ack = await socket.emitWithAck('message:send', { channelId, clientMsgId: draft.clientMsgId!, text, ...(quoted && { replyToId: quoted.id }) });
    setPending((current) => current.filter((message) => message.id !== draft.id));
    if (ack.ok) {
      history.add(ack.message);
      return true;
    }
    setSendError(ack.error.message);
    // The reply is still meant (unless its message is gone): the text comes back with its quote.
    if (quoted) setReplyingToId(quoted.id);
    return false;
  }

  async function edit(message: Message, text: string): Promise<boolean> {
    if (!socket) return false;
    setSendError(null);
    const ack = await socket.emitWithAck('message:edit', { channelId, messageId: message.id, text });
    if (ack.ok) {
      history.edited(ack.message);
      return true;
    }
    setSendError(ack.error.message);
    return false;
  }

  async function remove(message: Message): Promise<boolean> {
    if (!socket) return false;
    setSendError(null);
    const ack = await socket.emitWithAck('message:delete', { channelId, messageId: message.id });
    if (ack.ok) {
      history.deleted(message);
      return true;
    }
    setSendError(ack.error.message);
    return false;
  }

  /** Reply to any text message; edit my own; delete my own, or any in a channel I own (the server decides again). */
  function actionsOn(message: Message): MessageActions {
    const mine = message.senderId === me.id;
    return {
      onReply: () => setReplyingToId(message.id),
      onEdit: mine ? (text) => edit(message, text) : undefined,
      onDelete: mine || iOwnIt ? () => setDeleting(message) : undefined,
    };
  }

  const typing = useCallback(() => socket?.emit('typing', { channelId }), [socket, channelId]);

  if (channel.error) {
    return (
      <Alert color="red" role="alert" title="This channel cannot be opened">
        {errorText(channel.error)} <Anchor component={Link} to="/">Back to my channels</Anchor>
      </Alert>
    );
  }

  return (
    <section className={classes.page} aria-labelledby="chat-title">
      <Group justify="space-between" wrap="nowrap" mb="xs" gap="xs">
        <Group gap="xs" wrap="nowrap" miw={0}>
          <Anchor component={Link} to="/" size="sm" aria-label="Back to my channels">←</Anchor>
          <Title order={1} size="h4" id="chat-title" lineClamp={1}>
            {channel.data?.kind === 'GROUP' ? `# ${title}` : title}
          </Title>
          {other && <OnlineDot online={other.online} name={other.username} />}
        </Group>
        <Group gap="xs" wrap="nowrap">
          {channel.data?.kind === 'GROUP' && (
            <>
              <Text size="sm" c="dimmed" visibleFrom="xs">{members.data?.length ?? channel.data.memberCount} members</Text>
              <Button size="xs" variant="default" onClick={invite.open}>Invite</Button>
            </>
          )}
        </Group>
      </Group>
      <div ref={log} className={classes.log} role="log" aria-label="Messages" tabIndex={0} onScroll={onScroll}>
        {history.hasOlder && (
          <Group justify="center">
            <Button size="xs" variant="subtle" loading={history.loadingOlder} onClick={loadOlder}>Load older messages</Button>
          </Group>
        )}
        {history.loading && <Loader size="sm" aria-label="Loading messages" />}
        {!history.loading && history.messages.length === 0 && pending.length === 0 && <Text c="dimmed" ta="center" mt="md">No messages yet. Say hello!</Text>}
        {history.messages.map((message) => <MessageBubble key={message.seq} message={message} mine={message.senderId === me.id} actions={actionsOn(message)} />)}
        {pending
          // The stored copy can come (message:new) before the ack: show it once.
          .filter((draft) => !history.messages.some((message) => message.clientMsgId === draft.clientMsgId))
          .map((message) => <MessageBubble key={message.id} message={message} mine pending />)}
      </div>
      {(history.error ?? sendError) && <Alert color="red" role="alert" py={4} mt={4}>{history.error ?? sendError}</Alert>}
      <TypingLine channelId={channelId} members={members.data} />
      <Composer onSend={send} onTyping={typing} disabled={!channel.data} replyingTo={replyingTo} onCancelReply={() => setReplyingToId(null)} />
      <DeleteMessageModal message={deleting} onDelete={remove} onClose={() => setDeleting(null)} onDeleted={() => log.current?.focus()} />
      {channel.data?.kind === 'GROUP' && <InviteModal channelId={channelId} members={members.data ?? []} opened={inviting} onClose={invite.close} />}
    </section>
  );
}
