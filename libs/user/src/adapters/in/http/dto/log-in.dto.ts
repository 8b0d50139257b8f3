import { ApiProperty } from '@nestjs/swagger';
import { CodePointLength, TrimLowerCase } from '@webchat/platform';
import { IsString, MaxLength } from 'class-validator';

export class LogInDto {
  @ApiProperty({ example: 'mina@example.com', maxLength: 254 })
  @TrimLowerCase()
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery', format: 'password', minLength: 1, maxLength: 72 })
  @IsString()
  @CodePointLength(1, 72)
  password!: string;
}
