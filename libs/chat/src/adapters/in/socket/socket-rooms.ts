/** Every socket of a user is in their own room; every socket of a member is in the channel's room. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

export function channelRoom(channelId: string): string {
  return `channel:${channelId}`;
}
