// Test-only: the MQTT broker for live-data suites, like `postgres()` of @foederal/test-utils:
// under CI=true a missing broker fails the suite, elsewhere it is skipped with one line.
import { Socket } from 'node:net';
import { requirement, type Requirement } from '@foederal/test-utils';

function canConnect(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/** An MQTT broker: `FOEDERAL_MQTT_URL`, else `mqtt://127.0.0.1:1883` (Mosquitto). */
export async function mqttBroker(): Promise<Requirement & { readonly url: string; readonly host: string; readonly port: number }> {
  const url = process.env['FOEDERAL_MQTT_URL'] ?? 'mqtt://127.0.0.1:1883';
  const parsed = new URL(url);
  const host = parsed.hostname;
  const port = Number(parsed.port || 1883);
  const req = requirement(`MQTT broker (${parsed.host})`, await canConnect(host, port, 1500), 'start Mosquitto or set FOEDERAL_MQTT_URL');
  return { ...req, url, host, port };
}
