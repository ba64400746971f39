import { BatchLoader } from '../../../src/graphql/queries/batch-loader';

const recordingLoader = () => {
  const fetches: (readonly string[])[] = [];
  const loader = new BatchLoader<string, string>((keys) => {
    fetches.push(keys);
    return new Map(keys.filter((key) => key !== 'unknown').map((key) => [key, key.toUpperCase()]));
  });
  return { fetches, loader };
};

it('answers the loads of one pass with one fetch of the distinct keys', async () => {
  const { fetches, loader } = recordingLoader();
  const values = await Promise.all(['a', 'b', 'a', 'unknown'].map((key) => loader.load(key)));
  expect(values).toEqual(['A', 'B', 'A', null]);
  expect(fetches).toEqual([['a', 'b', 'unknown']]);
});

it('fetches again for loads made after a batch was answered', async () => {
  const { fetches, loader } = recordingLoader();
  expect(await loader.load('a')).toBe('A');
  expect(await loader.load('a')).toBe('A');
  expect(fetches).toEqual([['a'], ['a']]);
});

it('rejects every load of a batch whose fetch fails', async () => {
  const loader = new BatchLoader<string, string>(() => {
    throw new Error('read model unavailable');
  });
  const loads = ['a', 'b', 'a'].map((key) => loader.load(key));
  for (const load of loads) await expect(load).rejects.toThrow('read model unavailable');
});
