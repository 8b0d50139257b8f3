import { Module } from '@nestjs/common';
import { makeHistogramProvider, PrometheusModule } from '@willsoto/nestjs-prometheus';
import { HTTP_DURATION_METRIC, HttpMetricsHook } from './http-metrics.hook';
import { MetricsController } from './metrics.controller';

/** `GET /metrics` with the default process metrics and the HTTP duration histogram. */
@Module({
  imports: [
    PrometheusModule.register({
      path: '/metrics',
      controller: MetricsController,
      defaultMetrics: { enabled: true },
      global: true,
    }),
  ],
  providers: [
    makeHistogramProvider({
      name: HTTP_DURATION_METRIC,
      help: 'HTTP request duration in seconds, by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
    HttpMetricsHook,
  ],
})
export class MetricsModule {}
