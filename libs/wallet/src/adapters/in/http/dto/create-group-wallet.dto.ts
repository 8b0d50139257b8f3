import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CodePointLength, Trim } from '@webchat/platform';
import { IsOptional, IsString } from 'class-validator';
import { WALLET_DESCRIPTION_MAX_LENGTH, WALLET_NAME_MAX_LENGTH } from '../../../../domain/wallet';
import { WalletPasswordField } from './wallet-password';

export class CreateGroupWalletDto {
  @ApiProperty({ example: '회비', minLength: 1, maxLength: WALLET_NAME_MAX_LENGTH, description: 'Trimmed' })
  @Trim()
  @IsString()
  @CodePointLength(1, WALLET_NAME_MAX_LENGTH)
  name!: string;

  @ApiPropertyOptional({ maxLength: WALLET_DESCRIPTION_MAX_LENGTH })
  @IsOptional()
  @Trim()
  @IsString()
  @CodePointLength(0, WALLET_DESCRIPTION_MAX_LENGTH)
  description?: string;

  @WalletPasswordField('The password that will guard spending from the wallet')
  password!: string;
}
