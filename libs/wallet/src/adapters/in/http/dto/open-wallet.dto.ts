import { WalletPasswordField } from './wallet-password';

export class OpenWalletDto {
  @WalletPasswordField('The password that will guard spending from the wallet')
  password!: string;
}
