import { ApiProperty } from '@nestjs/swagger';
import { EntityId } from '@webchat/platform';
import { AmountField } from './amount';
import { WalletPasswordField } from './wallet-password';

export class TransferDto {
  @ApiProperty({ format: 'uuid' })
  @EntityId()
  fromWalletId!: string;

  @ApiProperty({ format: 'uuid' })
  @EntityId()
  toWalletId!: string;

  @AmountField()
  amount!: number;

  @WalletPasswordField('The password of the wallet the money leaves')
  password!: string;
}
