import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { AppConfig } from '../config/app-config';
import { StoreHealth } from './store-health.port';

class HealthResponse {
  @ApiProperty({ example: 'ok' }) status!: 'ok';
  @ApiProperty({ example: 'up' }) store!: 'up';
  @ApiProperty({ description: 'Which server node answered' }) node!: string;
  @ApiProperty({ description: 'Seconds since this process started' }) uptimeSeconds!: number;
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly store: StoreHealth,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process runs and its store answers' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ description: 'The store does not answer' })
  async check(): Promise<HealthResponse> {
    try {
      await this.store.ping();
    } catch {
      throw new ServiceUnavailableException('Store unreachable');
    }
    return { status: 'ok', store: 'up', node: this.config.nodeId, uptimeSeconds: Math.round(process.uptime()) };
  }
}
