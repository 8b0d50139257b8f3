import { AmountField } from './amount';

export class DepositDto {
  @AmountField()
  amount!: number;
}
