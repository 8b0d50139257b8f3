import { PresenceVisibility } from '@webchat/platform';

/**
 * The channel library on its own (no contact module loaded, so the privacy rule cannot be read in
 * full): a viewer sees only themself. Members of a channel the viewer is in are shown anyway.
 */
export class OwnPresenceOnly extends PresenceVisibility {
  async visibleTo(viewerId: string, userIds: readonly string[]): Promise<Set<string>> {
    return new Set(userIds.filter((id) => id === viewerId));
  }

  async audienceOf(): Promise<Set<string>> {
    return new Set();
  }
}
