import { chromiumService } from './chromium.service';
import { dockerComposeService } from './docker-compose.service';
import { k6Service } from './k6.service';
import { kafkaService } from './kafka.service';
import { mariadbService } from './mariadb.service';
import { prometheusService } from './prometheus.service';
import { InfraService } from './service';

export const SERVICES: readonly InfraService[] = [mariadbService, kafkaService, prometheusService, k6Service, chromiumService, dockerComposeService];
