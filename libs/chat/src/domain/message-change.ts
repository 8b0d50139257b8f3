import { Message } from './message';
import { requireText } from './message-draft';

interface ChangeFields {
  /** Made by the requester's node: the requester's ack waits for the outcome of this id. */
  readonly id: string;
  readonly channelId: string;
  readonly messageId: string;
  readonly requesterId: string;
  /** When it was asked for: the message's `editedAt` or `deletedAt` once applied. */
  readonly at: Date;
}

/** `message:edit`: the new text of one's own TEXT message. */
export interface MessageEdit extends ChangeFields {
  readonly change: 'edit';
  readonly text: string;
}

/** `message:delete`: one's own message, or any TEXT message of a channel one owned when asking. */
export interface MessageDeletion extends ChangeFields {
  readonly change: 'delete';
  readonly requesterOwnsChannel: boolean;
}

/** An edit or a delete on its way through the message log, in order with the channel's sends. */
export type MessageChange = MessageEdit | MessageDeletion;

export type ChangeRefusal = 'NOT_FOUND' | 'FORBIDDEN';

/**
 * What the persist stage made of one change: the message as it now is (`isNew`: this change is
 * news to members, so it is announced), or why it was refused (answered to the requester only).
 */
export type ChangeOutcome = { readonly changeId: string; readonly change: MessageChange['change']; readonly channelId: string } & (
  | { readonly applied: true; readonly message: Message; readonly isNew: boolean }
  | { readonly applied: false; readonly refusal: ChangeRefusal }
);

/** An edit, checked: the text follows the rules of a send's. */
export function messageEdit(fields: Omit<MessageEdit, 'change'>): MessageEdit {
  requireText(fields.text);
  return { ...fields, change: 'edit' };
}

export function messageDeletion(fields: Omit<MessageDeletion, 'change'>): MessageDeletion {
  return { ...fields, change: 'delete' };
}

/**
 * A change applied to the message as stored now (undefined: no such message), under the
 * persist stage's order. Edits: the sender's own TEXT messages, not deleted ones. Deletes: one's
 * own TEXT messages or, as the channel's owner, anyone's; SYSTEM messages never. Deleting a
 * deleted message is answered ok (a retry is safe) but announced only by the delete that did it
 * (or that same change offered again after a crash, whose first announcement may not have gone out).
 */
export function decideChange(change: MessageChange, stored: Message | undefined): ChangeOutcome {
  const ref = { changeId: change.id, change: change.change, channelId: change.channelId };
  const refused = (refusal: ChangeRefusal): ChangeOutcome => ({ ...ref, applied: false, refusal });
  if (!stored || stored.channelId !== change.channelId) return refused('NOT_FOUND');
  if (change.change === 'edit') {
    if (stored.deletedAt !== null) return refused('NOT_FOUND');
    if (stored.type !== 'TEXT' || stored.senderId !== change.requesterId) return refused('FORBIDDEN');
    return { ...ref, applied: true, message: { ...stored, text: change.text, editedAt: change.at }, isNew: true };
  }
  if (stored.type !== 'TEXT' || (stored.senderId !== change.requesterId && !change.requesterOwnsChannel)) return refused('FORBIDDEN');
  if (stored.deletedAt !== null) return { ...ref, applied: true, message: stored, isNew: stored.deletedAt.getTime() === change.at.getTime() };
  return { ...ref, applied: true, message: { ...stored, text: '', deletedAt: change.at }, isNew: true };
}
