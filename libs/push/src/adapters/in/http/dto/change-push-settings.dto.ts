import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class ChangePushSettingsDto {
  @ApiProperty({ description: 'Allow message text in notifications of private and direct channels' })
  @IsBoolean()
  showPrivateText!: boolean;
}
