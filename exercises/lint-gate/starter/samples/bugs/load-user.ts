interface Db {
  get(id: string): Promise<{ id: string; email: string } | undefined>;
}

// Bug: an error thrown inside an async executor never rejects the promise; the caller waits forever.
export function loadUser(db: Db, id: string): Promise<{ id: string; email: string }> {
  return new Promise(async (resolve, reject) => {
    const user = await db.get(id);
    if (!user) reject(new Error(`no user ${id}`));
    else resolve(user);
  });
}
