import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class MarkReadDto {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Read up to this seq; above the last message it counts as the last one' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  seq!: number;
}
