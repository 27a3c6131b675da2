import type { PeopleService, RtlsPath } from './PeopleService';
import type { RtlsMqttIngest } from './RtlsMqtt';
import { mqttMessageResults } from './RtlsMqtt';
import { refusalReasons } from './RtlsIngest';

/**
 * Prometheus text for the RTLS feed and the position history (appended to /metrics):
 * fixes by path (http, mqtt) and result (accepted or the refusal reason), MQTT messages by
 * result, connection state, and what the position store recorded, dropped and holds.
 */
export function renderRtlsMetrics(people: PeopleService, mqtt: RtlsMqttIngest | null): string {
  const out: string[] = [];
  const metric = (name: string, type: 'gauge' | 'counter', help: string, samples: [string, number][]): void => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, v] of samples) out.push(`${name}${labels} ${v}`);
  };
  const fixes: [string, number][] = [];
  for (const path of ['http', 'mqtt'] as RtlsPath[]) {
    const r = people.rtlsByPath[path];
    fixes.push([`{path="${path}",result="accepted"}`, r.accepted]);
    for (const k of refusalReasons) fixes.push([`{path="${path}",result="${k}"}`, r.refused[k]]);
  }
  metric('vigil_rtls_fixes_total', 'counter', 'RTLS fixes by path (http, mqtt) and result (accepted or why refused).', fixes);
  if (mqtt) {
    const s = mqtt.status();
    metric('vigil_rtls_mqtt_messages_total', 'counter', 'RTLS MQTT messages (batches) by result.', mqttMessageResults.map((k) => [`{result="${k}"}`, s.messages[k]]));
    metric('vigil_rtls_mqtt_message_bytes_total', 'counter', 'Bytes of RTLS MQTT messages received.', [['', s.bytes]]);
    metric('vigil_rtls_mqtt_connected', 'gauge', '1 while connected to the RTLS MQTT broker.', [['', s.connected ? 1 : 0]]);
    metric('vigil_rtls_mqtt_connects_total', 'counter', 'Connections made to the RTLS MQTT broker (the first and every reconnect).', [['', s.connects]]);
    metric('vigil_rtls_mqtt_disconnects_total', 'counter', 'Connections to the RTLS MQTT broker lost.', [['', s.disconnects]]);
  }
  const store = people.store;
  if (store) {
    metric('vigil_positions_recorded_total', 'counter', 'Fixes recorded in the position history.', [['', store.stats.recorded]]);
    metric('vigil_positions_dropped_total', 'counter', 'Fixes the position history dropped (not newer than the stored ones, bad time).', [['', store.stats.dropped]]);
    metric('vigil_positions_chunks_written_total', 'counter', 'Position chunks written to the database.', [['', store.stats.written]]);
    metric('vigil_positions_write_errors_total', 'counter', 'Failed position history writes (retried).', [['', store.stats.writeErrors]]);
    metric('vigil_positions_pending_chunks', 'gauge', 'Sealed position chunks waiting to be written.', [['', store.held.pending]]);
  }
  return out.join('\n');
}
