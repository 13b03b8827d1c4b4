import { describe, expect, it } from 'vitest';
import { parseIfc } from './open.js';
import { stepFile } from './test-helpers.js';

// Predefined property sets (IfcDoorLiningProperties, IfcWindowPanelProperties, …): named by their
// Name attribute, with their own attributes as properties, in IFC4 and IFC2X3 alike.
const G = (n: number) => `'${String(n).padStart(22, '0')}'`;

describe('predefined property sets in IFC4 (IfcPreDefinedPropertySet)', () => {
  const m = parseIfc(
    stepFile(
      [
        `#1=IFCDOOR(${G(1)},$,'D1',$,$,$,$,$,2.1,1.,.DOOR.,$,$);`,
        `#2=IFCDOORLININGPROPERTIES(${G(2)},$,'Zarge T30',$,0.2,0.05,$,$,$,$,$,$,$,$,$,$,$);`,
        `#3=IFCRELDEFINESBYPROPERTIES(${G(3)},$,$,$,(#1),#2);`,
        `#4=IFCWINDOW(${G(4)},$,'F1',$,$,$,$,$,1.5,1.2,.WINDOW.,.SINGLE_PANEL.,$);`,
        `#5=IFCWINDOWPANELPROPERTIES(${G(5)},$,$,'ohne Namen',.TILTANDTURNRIGHTHAND.,.MIDDLE.,0.08,0.06,$);`,
        `#6=IFCRELDEFINESBYPROPERTIES(${G(6)},$,$,$,(#4),#5);`,
      ].join('\n'),
      'IFC4',
    ),
  );

  it('names the set by its Name attribute and gives its own attributes by name', () => {
    const sets = m.propertySets(1);
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ id: 2, type: 'IFCDOORLININGPROPERTIES', globalId: '0000000000000000000002', name: 'Zarge T30', source: 'occurrence' });
    expect(sets[0]?.properties.map((p) => [p.name, p.value, p.type])).toEqual([
      ['LiningDepth', 0.2, 'ATTRIBUTE'],
      ['LiningThickness', 0.05, 'ATTRIBUTE'],
    ]);
  });

  it('falls back to the class name only when Name is $', () => {
    const [set] = m.propertySets(4);
    expect(set?.name).toBe('IfcWindowPanelProperties');
    expect(set?.description).toBe('ohne Namen');
    expect(set?.properties.map((p) => [p.name, p.value])).toEqual([
      ['OperationType', { kind: 'enum', value: 'TILTANDTURNRIGHTHAND' }],
      ['PanelPosition', { kind: 'enum', value: 'MIDDLE' }],
      ['FrameDepth', 0.08],
      ['FrameThickness', 0.06],
    ]);
  });
});

describe('predefined property sets in IFC2X3 (direct subtypes of IfcPropertySetDefinition)', () => {
  const m = parseIfc(
    stepFile(
      [
        `#1=IFCDOOR(${G(1)},#9,'D1',$,$,$,$,$,2.1,1.);`,
        `#2=IFCDOORLININGPROPERTIES(${G(2)},#9,'Futter',$,0.24,0.04,$,$,$,$,0.01,$,0.015,0.07,$);`,
        `#3=IFCRELDEFINESBYPROPERTIES(${G(3)},#9,$,$,(#1),#2);`,
        `#4=IFCWINDOW(${G(4)},#9,'F1',$,$,$,$,$,1.5,1.2);`,
        `#5=IFCWINDOWSTYLE(${G(5)},#9,'WS',$,$,(#6,#7),$,$,.NOTDEFINED.,.SINGLE_PANEL.,.T.,.F.);`,
        `#6=IFCWINDOWPANELPROPERTIES(${G(6)},#9,'Fluegel 1',$,.TILTANDTURNLEFTHAND.,.LEFT.,0.07,$,$);`,
        `#7=IFCPROPERTYSET(${G(7)},#9,'Pset_WindowCommon',$,(#8));`,
        `#8=IFCPROPERTYSINGLEVALUE('IsExternal',$,IFCBOOLEAN(.T.),$);`,
        `#9=IFCOWNERHISTORY($,$,$,.NOCHANGE.,$,$,$,0);`,
        `#10=IFCRELDEFINESBYTYPE(${G(10)},#9,$,$,(#4),#5);`,
        `#11=IFCELEMENTQUANTITY(${G(11)},#9,'Qto_DoorBaseQuantities',$,$,(#12));`,
        `#12=IFCQUANTITYAREA('Area',$,$,2.1);`,
        `#13=IFCRELDEFINESBYPROPERTIES(${G(13)},#9,$,$,(#1),#11);`,
        `#14=IFCWINDOWPANELPROPERTIES(${G(14)},#9,$,$,.FIXEDCASEMENT.,.RIGHT.,$,$,$);`,
        `#15=IFCRELDEFINESBYPROPERTIES(${G(15)},#9,$,$,(#1),#14);`,
      ].join('\n'),
      'IFC2X3',
    ),
  );

  it('returns a lining set of an occurrence with its Name and attribute values', () => {
    const sets = m.propertySets(1);
    // the element quantity stays out of propertySets; it is a quantity set
    expect(sets.map((s) => [s.id, s.name])).toEqual([
      [2, 'Futter'],
      [14, 'IfcWindowPanelProperties'],
    ]);
    expect(sets[0]?.properties.map((p) => [p.name, p.value])).toEqual([
      ['LiningDepth', 0.24],
      ['LiningThickness', 0.04],
      ['LiningOffset', 0.01],
      ['CasingThickness', 0.015],
      ['CasingDepth', 0.07],
    ]);
    expect(sets[1]?.properties.map((p) => [p.name, p.value])).toEqual([
      ['OperationType', { kind: 'enum', value: 'FIXEDCASEMENT' }],
      ['PanelPosition', { kind: 'enum', value: 'RIGHT' }],
    ]);
    expect(m.quantities(1).map((q) => q.name)).toEqual(['Qto_DoorBaseQuantities']);
  });

  it('inherits a panel set from the type (IfcWindowStyle.HasPropertySets)', () => {
    const sets = m.propertySets(4);
    expect(sets.map((s) => [s.id, s.name, s.source, s.typeId])).toEqual([
      [6, 'Fluegel 1', 'type', 5],
      [7, 'Pset_WindowCommon', 'type', 5],
    ]);
    expect(sets[0]?.properties.map((p) => [p.name, p.value, p.source])).toEqual([
      ['OperationType', { kind: 'enum', value: 'TILTANDTURNLEFTHAND' }, 'type'],
      ['PanelPosition', { kind: 'enum', value: 'LEFT' }, 'type'],
      ['FrameDepth', 0.07, 'type'],
    ]);
  });
});
