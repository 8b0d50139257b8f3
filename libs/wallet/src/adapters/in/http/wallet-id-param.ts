import { EntityIdParam } from '@webchat/platform';
import { WalletChannelNotFoundError, WalletNotFoundError } from '../../../domain/wallet.errors';

/** The `:id` of a wallet route: an id in any other form is the same 404 as an unknown wallet. */
export const WalletIdParam = (): ParameterDecorator => EntityIdParam('id', () => new WalletNotFoundError());

/** The `:id` of a channel route. */
export const ChannelIdParam = (): ParameterDecorator => EntityIdParam('id', () => new WalletChannelNotFoundError());
