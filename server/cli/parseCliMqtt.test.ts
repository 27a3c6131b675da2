import { describe, expect, it } from 'vitest';
import { CliError, parseCli } from './parseCli';

describe('parseCli: the RTLS MQTT feed', () => {
  it('is absent unless asked for, and takes the broker, topic and credentials from the environment', () => {
    expect(parseCli([], {}, '/w')).not.toHaveProperty('options.rtlsMqtt');
    expect(parseCli(['--rtls-mqtt', 'mqtt://127.0.0.1:1883'], {}, '/w')).toMatchObject({ options: { rtlsMqtt: { url: 'mqtt://127.0.0.1:1883', topic: 'vigil/rtls/+/fixes' } } });
    const c = parseCli(['--rtls-mqtt', 'mqtts://broker.plant:8883', '--rtls-mqtt-topic', 'site/+/rtls/#'], { VIGIL_RTLS_MQTT_USERNAME: 'vigil', VIGIL_RTLS_MQTT_PASSWORD: 's3cret' }, '/w');
    expect(c).toMatchObject({ options: { rtlsMqtt: { url: 'mqtts://broker.plant:8883', topic: 'site/+/rtls/#', username: 'vigil', password: 's3cret' } } });
  });

  it('refuses credentials on the command line, other schemes and bad topics', () => {
    expect(() => parseCli(['--rtls-mqtt', 'mqtt://u:p@127.0.0.1:1883'], {}, '/w')).toThrow(/VIGIL_RTLS_MQTT_USERNAME/);
    expect(() => parseCli(['--rtls-mqtt', 'http://127.0.0.1:1883'], {}, '/w')).toThrow(CliError);
    expect(() => parseCli(['--rtls-mqtt', 'not a url'], {}, '/w')).toThrow(CliError);
    expect(() => parseCli(['--rtls-mqtt', 'mqtt://127.0.0.1', '--rtls-mqtt-topic', 'a/#/b'], {}, '/w')).toThrow(CliError);
    expect(() => parseCli(['--rtls-mqtt-topic', 'a/b'], {}, '/w')).toThrow(/needs --rtls-mqtt/);
  });
});
