// The wallet library's public face.
export { WalletModule } from './wallet.module';
export { walletPersistence } from './adapters/out/typeorm/wallet-persistence';
export { GroupWalletFunds } from './adapters/out/typeorm/group-wallet-funds.adapter';
