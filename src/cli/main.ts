console.log('mentoring-plan');
