import { AmountField } from './amount';
import { WalletPasswordField } from './wallet-password';

export class WithdrawDto {
  @AmountField()
  amount!: number;

  @WalletPasswordField()
  password!: string;
}
