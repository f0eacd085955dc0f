console.log('bench todo');
