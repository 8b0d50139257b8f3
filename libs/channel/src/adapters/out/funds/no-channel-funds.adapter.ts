import { Injectable } from '@nestjs/common';
import { ChannelFunds } from '../../../application/ports/channel-funds.port';

/** The default when no wallet library is wired: channels hold no money. */
@Injectable()
export class NoChannelFunds extends ChannelFunds {
  holdsMoney(): Promise<boolean> {
    return Promise.resolve(false);
  }

  memberLeft(): Promise<void> {
    return Promise.resolve();
  }
}
