/**
 * `convert`, answering the object it made before when given the same view again. The read
 * models' caches hand the same view to many requests (every dashboard showing the same page), so
 * each is converted once. The objects made are shared: resolvers only read them. Only for views
 * that come from those caches: each entry of the WeakMap also costs the garbage collector.
 */
export const convertedOnce = <View extends object, Type>(
  convert: (view: View) => Type,
): ((view: View) => Type) => {
  const converted = new WeakMap<View, Type>();
  return (view) => {
    let made = converted.get(view);
    if (made === undefined) {
      made = convert(view);
      converted.set(view, made);
    }
    return made;
  };
};
