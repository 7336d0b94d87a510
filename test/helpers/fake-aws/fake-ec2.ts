/** EC2 (query protocol) as the fake serves it: the account's images and snapshots, public or not. */
import { FakeAwsError, answering, xmlEscape, xmlReply } from './route.js';
import type { FakeHandler, FakeReply } from './route.js';

export interface FakeImage {
  id: string;
  name: string;
  region: string;
  public: boolean;
}

export interface FakeSnapshot {
  id: string;
  volumeId: string;
  region: string;
  public: boolean;
}

const NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** Values of a query filter such as Filter.1.Name=is-public, Filter.1.Value.1=true. */
function filterValues(p: URLSearchParams, name: string): string[] | undefined {
  for (let i = 1; p.has(`Filter.${i}.Name`); i++) {
    if (p.get(`Filter.${i}.Name`) !== name) continue;
    const values: string[] = [];
    for (let j = 1; p.has(`Filter.${i}.Value.${j}`); j++) values.push(p.get(`Filter.${i}.Value.${j}`)!);
    return values;
  }
  return undefined;
}

export function fakeEc2Handler(state: { images: FakeImage[]; snapshots: FakeSnapshot[] }): FakeHandler {
  return (req): FakeReply | undefined => {
    if (req.service !== 'ec2') return undefined;
    const p = new URLSearchParams(req.body);
    const action = p.get('Action') ?? '';
    return answering(req, action, () => {
      switch (action) {
        case 'DescribeImages': {
          const isPublic = filterValues(p, 'is-public');
          const items = state.images
            .filter((i) => i.region === req.region && (isPublic === undefined || isPublic.includes(String(i.public))))
            .map((i) => `<item><imageId>${i.id}</imageId><name>${xmlEscape(i.name)}</name><isPublic>${i.public}</isPublic></item>`);
          return xmlReply(action, `<DescribeImagesResponse xmlns="${NS}"><requestId>0</requestId><imagesSet>${items.join('')}</imagesSet></DescribeImagesResponse>`);
        }
        case 'DescribeSnapshots': {
          const onlyPublic = p.get('RestorableBy.1') === 'all';
          const items = state.snapshots
            .filter((s) => s.region === req.region && (!onlyPublic || s.public))
            .map((s) => `<item><snapshotId>${s.id}</snapshotId><volumeId>${s.volumeId}</volumeId></item>`);
          return xmlReply(action, `<DescribeSnapshotsResponse xmlns="${NS}"><requestId>0</requestId><snapshotSet>${items.join('')}</snapshotSet></DescribeSnapshotsResponse>`);
        }
        default:
          throw new FakeAwsError('InvalidAction');
      }
    });
  };
}
