// Empty: lets unit tests import modules guarded by `import "server-only"`.
export {};
