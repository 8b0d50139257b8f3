/** What push needs to know of a channel. */
export interface PushChannel {
  readonly id: string;
  readonly kind: 'GROUP' | 'DIRECT';
  /** null for a direct channel. */
  readonly name: string | null;
  readonly isPrivate: boolean;
}

/** The newest message of a coalesced run, and how many messages the run holds. */
export interface PendingNotice {
  readonly channelId: string;
  readonly messageId: string;
  readonly seq: number;
  readonly senderName: string;
  readonly text: string;
  readonly count: number;
}

/** The JSON a service worker receives (README, Push notifications). */
export interface PushPayload {
  readonly title: string;
  readonly body: string;
  readonly channelId: string;
  readonly messageId: string;
  readonly seq: number;
  /** Messages this one notification stands for (a burst is coalesced). */
  readonly count: number;
}

/** The longest snippet of message text a notification carries, in code points. */
export const PUSH_SNIPPET_MAX = 120;

/**
 * The notification for one user. A public group shows a snippet; private groups and direct
 * channels show no text unless the user allowed it, only where and from whom.
 */
export function composeNotification(channel: PushChannel, notice: PendingNotice, showPrivateText: boolean): PushPayload {
  const showText = channel.kind === 'GROUP' && !channel.isPrivate ? true : showPrivateText;
  const more = notice.count > 1 ? ` (${notice.count} new messages)` : '';
  const snippet = showText ? snippetOf(notice.text) : undefined;
  const fields = { channelId: notice.channelId, messageId: notice.messageId, seq: notice.seq, count: notice.count };
  if (channel.kind === 'DIRECT') {
    return { ...fields, title: notice.senderName, body: (snippet ?? `New message from ${notice.senderName}`) + more };
  }
  const name = channel.name ?? '';
  return { ...fields, title: name, body: (snippet === undefined ? `New message in ${name}` : `${notice.senderName}: ${snippet}`) + more };
}

function snippetOf(text: string): string {
  // By code points, so a snippet never cuts a character in half.
  const points = Array.from(text.trim());
  return points.length <= PUSH_SNIPPET_MAX ? points.join('') : `${points.slice(0, PUSH_SNIPPET_MAX - 1).join('')}…`;
}
