import { ApiProperty } from '@nestjs/swagger';

export class UserResponse {
  @ApiProperty({ example: '6f1c2a7e-3b1d-4c55-9a41-0c1c5d2f9b10' }) id!: string;
  @ApiProperty({ example: 'mina@example.com' }) email!: string;
  @ApiProperty({ example: 'Mina' }) username!: string;
}

export class LogInResponse {
  @ApiProperty({ description: 'Bearer token (HS256 JWT) for the Authorization header and the socket handshake' })
  accessToken!: string;

  @ApiProperty({ type: UserResponse }) user!: UserResponse;
}
