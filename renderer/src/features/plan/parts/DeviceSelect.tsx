import { devicesByGroup, type DeviceFacts } from './device-groups';

/**
 * A device picked from the catalog, grouped as people shop (laptops, graphics cards, data-centre
 * GPUs, small boards), each with its memory. `none` names an empty first choice when the question
 * is optional.
 */
export function DeviceSelect(props: {
  id: string;
  name: string;
  value: string;
  devices: readonly DeviceFacts[];
  none?: string;
  onChange(value: string): void;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}) {
  const { devices, none, onChange, ...rest } = props;
  return (
    <select {...rest} onChange={(e) => onChange(e.target.value)}>
      {none !== undefined && <option value="">{none}</option>}
      {devicesByGroup(devices).map((g) => (
        <optgroup key={g.title} label={g.title}>
          {g.devices.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.memoryGb} GB)
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
